"""Every example call, sample response and sample event that the vendor's reference prints
(../shared/reference/service-client-api-reference.txt, an OCR), as data: issue 11 asks that
each runs unmodified. tests/unit/test_reference_examples_in_cpython.py replays them in
CPython and tests/e2e/test_reference_examples.py from a plain-JavaScript app on its own origin.

Each `Example` names its reference line and what the vendor client would put on the wire:
`request` and `parameters` (callbacks are not sent; None: no `parameters` key; for a
subscribe, the list it sends as `data`). Parameters are as printed; the only changes are
OCR repairs, each listed in the example's `fixes`. Where the reference prints a response or
an event without the call that gives it (`form` "response"), the call, or the scenario step,
is ours and says so in `note`. `response` and `events` are the reference's samples, OCR
repaired: the answer must have every key they show, with a value of the same JSON type
(a sample's null admits any value, an empty object any object); `exact` samples must be
equal. `setup` runs first; a failing setup step fails the example.

The groups are desktops: the examples of one group run in order on one fresh desktop with
two apps (app 0 sends unless an example says otherwise), so interaction "1" is whatever the
group's first interaction is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

SUCCEEDS: Final = "succeeds"
FAILS: Final = "fails"  # the reference says so, without printing the message


SERVER: Final = {"userAgent": "WWE Server", "protocolVersion": 2}

# What both apps subscribe to once loaded, before any example (the vendor's sample page's
# list, and the messenger channels of the reference's samples).
BOOT_TOPICS: Final = (
    "agent",
    "interaction",
    "media",
    "outbound",
    "system",
    "markdone",
    "messenger:my-channel",
    "messenger:my-channel2",
)


@dataclass(frozen=True)
class CaseIdOf:
    """A parameter resolved when sent: the caseId of that interaction (the reference's
    `caseId` variable), read with interaction.getByInteractionId."""

    interaction_id: str


@dataclass(frozen=True)
class ReplyOf:
    """A parameter resolved when sent: the `data` of the reply to the example at that line."""

    line: int


@dataclass(frozen=True)
class Step:
    """A setup step: a request (or subscribe) from an app, or a scenario step on the desktop
    page (window.wweScenario; in CPython the same run_scenario)."""

    request: str
    parameters: Any = None
    scenario: bool = False
    app: int = 0


def call(request: str, *parameters: Any, app: int = 0) -> Step:
    """A request step; no parameters: no `parameters` key, as the vendor client sends it."""
    return Step(request, list(parameters) if parameters else None, app=app)


def scenario(step: str, **arguments: Any) -> Step:
    return Step(step, arguments, scenario=True)


@dataclass(frozen=True)
class Sample:
    """An event the reference prints, at its line; matched by `event` and data.eventType."""

    line: int
    message: Mapping[str, Any]
    exact: bool = False

    @property
    def identity(self) -> tuple[str, str | None]:
        event_type = self.message["data"].get("eventType") if isinstance(self.message["data"], dict) else None
        return str(self.message["event"]), event_type


@dataclass(frozen=True)
class Example:
    """One example of the reference. `request` is a wire request name, "subscribe", or (with
    `scenario`) a scenario step that provokes the sample events. `form`: "call" (printed as a
    call), "response" (only its answer or event is printed), "parameter" (a value printed for
    one parameter, sent in the plainest call), "helper" (a method named in the text, sent
    with no parameters). `observer`: the app whose events are checked."""

    line: int
    request: str
    parameters: Any = None
    form: str = "call"
    outcome: str = SUCCEEDS
    response: Mapping[str, Any] | None = None
    exact: bool = False
    events: tuple[Sample, ...] = ()
    setup: tuple[Step, ...] = ()
    scenario: bool = False
    app: int = 0
    observer: int = 0
    blocked_by: str | None = None
    fixes: tuple[str, ...] = ()
    note: str = ""

    @property
    def step(self) -> Step:
        return Step(self.request, self.parameters, self.scenario, self.app)

    @property
    def namespace(self) -> str:
        if self.scenario:
            return str(self.events[0].message["event"]).split(":")[0]
        return self.request.split(".")[0]

    @property
    def label(self) -> str:
        return f"L{self.line}-{self.request}"


@dataclass(frozen=True)
class Group:
    """One desktop: its options, the origin filter of each app ("" = everything), and its
    examples in the order they run."""

    name: str
    examples: tuple[Example, ...]
    options: Mapping[str, str] = field(default_factory=dict)
    filters: tuple[str, str] = ("", "")


def _response(request: str, data: Any) -> dict[str, Any]:
    return {"request": request, "data": data, **SERVER}


def _event(event: str, data: Mapping[str, Any]) -> dict[str, Any]:
    return {"event": event, "data": dict(data), **SERVER}


# -- samples the reference prints more than once -------------------------------------------------

HELLO_WORLD_KEYS: Final = {"MyKEY1": "MyValue1", "MyKEY2": "MyValue2"}
FIX_HELLO_WORLD = (
    "`e,` → `\"1\"` (the text after it: 'the interactionId of 1')",
    "`MyValuel` → `MyValue1`",
)
KEY_VALUES: Final = {"key1": "value one", "key2": "value two", "key3": "value three"}
FIX_KEY_VALUES = ("`\"keyl\"` → `\"key1\"`; the OCR's `;` between key and value → `:`",)
FRAME_COLOR: Final = "interaction.case-data.frame-color"
FIX_CASE_ID = ("`caseld`/`selectCaseByCaseld` → `caseId`/`selectCaseByCaseId`",)

# The reference's configuration scenario (lines 1718-1725): the option's own value, and the
# transaction object named by the interaction's IW_OverrideOptions overriding it.
ORIGINAL_FRAME_COLOR: Final = "#FFBA00"
OVERRIDDEN_FRAME_COLOR: Final = "#FF000088"

# The wildcards the reference allows, and the two it refuses, once for getOption (lines
# 1491-1509) and once for getContextualOption (1626-1664).
WILDCARDS: Final = (
    ("voice.*", ()),
    ("voice.auto*", ()),
    ("sipendpoint.*", ()),
    ("CustomAPI/test.*", ("`CustomAPI/` `test.*` joined",)),
)
LEADING_WILDCARDS: Final = (
    ("*.mark-done", ("`* mark-` `done` → `*.mark-done` (getOption's list lost the dot; getContextualOption's, line 1661, has it)",)),
    ("*auto", ("`* auto` → `*auto` (a space read into it; API.md's reading)",)),
)
GET_OPTION_WILDCARD_LINES: Final = (1491, 1492, 1493, 1495)
GET_OPTION_LEADING_LINES: Final = (1506, 1509)
CONTEXTUAL_WILDCARD_LINES: Final = (1626, 1627, 1628, 1630)
CONTEXTUAL_LEADING_LINES: Final = (1661, 1664)


def _wildcards(request: str, allowed: tuple[int, ...], refused: tuple[int, ...], *more: str, note: str = "") -> tuple[Example, ...]:
    """The wildcard examples at those lines for `request`; `more` follows the options value."""
    return tuple(
        Example(line, request, [option, *more], form="parameter", outcome=outcome, fixes=fixes, note=note)
        for lines, options, outcome in ((allowed, WILDCARDS, SUCCEEDS), (refused, LEADING_WILDCARDS, FAILS))
        for line, (option, fixes) in zip(lines, options, strict=True)
    )


# -- group 1: interactions and configuration ---------------------------------------------------

INTERACTIONS_AND_CONFIGURATION = Group(
    "interactions and configuration",
    options={FRAME_COLOR: ORIGINAL_FRAME_COLOR},
    examples=(
        # Before any interaction exists: the reference's failure.
        Example(
            1750,
            "configuration.getContextualOption",
            [FRAME_COLOR, "1"],
            form="response",
            outcome="Error: Interaction not found.",
            response={"request": "configuration.getContextualOption", "errorMessage": "Error: Interaction not found.", **SERVER},
            note="the call of line 1731 while interaction '1' does not exist yet",
        ),
        Example(
            1731,
            "configuration.getContextualOption",
            [FRAME_COLOR, "1"],
            setup=(scenario("ring_inbound_call", user_data={"IW_OverrideOptions": "CaseDataColor"}),),
            response=_response("configuration.getContextualOption", {"interaction-workspace": {FRAME_COLOR: OVERRIDDEN_FRAME_COLOR}}),
            exact=True,
            note=(
                "the reference's scenario step 4 gives the annex #FF000088, its printed response #FF008000: "
                "the scenario's value is expected"
            ),
        ),
        Example(
            1758,
            "configuration.getOption",
            [FRAME_COLOR],
            response=_response("configuration.getOption", {"interaction-workspace": {FRAME_COLOR: ORIGINAL_FRAME_COLOR}}),
            exact=True,
            fixes=("`#FFBAGO` → `#FFBA00` in the response (and in scenario step 1, line 1718)",),
        ),
        Example(1401, "configuration.getOption", ["voice.auto-answer"], fixes=("`'voice.aut` `O_` `answer'` → `'voice.auto-answer'`",)),
        Example(
            1416,
            "configuration.getOption",
            ["CustomSection/option.custom.customer.code"],
            fixes=("the closing quote and comma lost after `code`; the OCR's line breaks joined",),
        ),
        Example(
            1431,
            "configuration.getOption",
            [["voice.auto-answer", "privilege.email.can-mark-done"]],
            fixes=("line breaks inside the option names joined",),
        ),
        Example(
            1468,
            "configuration.getOption",
            [["privilege.*", "CustomSection/option.custom.customer.code"]],
            fixes=("`'privileg` `e.*x'` → `'privilege.*'`", "`\"1,` → `'],`"),
        ),
        *_wildcards("configuration.getOption", GET_OPTION_WILDCARD_LINES, GET_OPTION_LEADING_LINES),
        Example(
            1583,
            "configuration.getOption",
            ["voice.auto-answer"],
            fixes=("`'voice.aut` `O_` `answer'` → `'voice.auto-answer'`",),
            note="printed under getContextualOption, as a getOption call: replayed as printed",
        ),
        Example(
            1604,
            "configuration.getOption",
            ["interaction-workspace/interaction.case-data.*"],
            fixes=("line breaks inside the option name joined",),
            note="printed under getContextualOption, as a getOption call: replayed as printed",
        ),
        *_wildcards(
            "configuration.getContextualOption",
            CONTEXTUAL_WILDCARD_LINES,
            CONTEXTUAL_LEADING_LINES,
            "1",
            note="the reference lists the options value only; sent with interaction '1'",
        ),
        # Interaction "1" is the ringing inbound call of line 1731's setup.
        Example(199, "interaction.setUserData", ["1", HELLO_WORLD_KEYS], fixes=FIX_HELLO_WORLD),
        Example(209, "interaction.setUserData", ["1", HELLO_WORLD_KEYS], fixes=FIX_HELLO_WORLD + ("`}I` → `},`",)),
        Example(
            281,
            "interaction.setUserData",
            ["2", HELLO_WORLD_KEYS],
            form="response",
            setup=(call("voice.dial", "5002", None),),
            events=(
                Sample(
                    281,
                    _event(
                        "interaction",
                        {
                            "eventType": "ATTACHED_DATA_CHANGED",
                            "media": "voice",
                            "interaction": {
                                "interactionId": "1",
                                "caseId": "4dda1ab6-aeab-4a33-f5d0-0153c9fdb43b",
                                "userData": {},
                                "parties": [{"name": "5001"}],
                                "callUuid": "4L6JGNEE9H7DT671FRPTKE6CQO00000G",
                                "state": "DIALING",
                                "previousState": "UNKNOWN",
                                "isConsultation": False,
                                "direction": "OUT",
                                "callType": "Internal",
                                "dnis": "5001",
                                "isMainCaseInteraction": True,
                            },
                        },
                    ),
                ),
            ),
            fixes=(
                "`ATTACHED DATA CHANGED` → `ATTACHED_DATA_CHANGED`",
                "`caseld` → `caseId`, `isMainCaselInteraction` → `isMainCaseInteraction`",
                "`}I`/`]I` → `},`/`],`; the party's `\"name\": \"5001\"` (line 314) put back in `parties`",
            ),
            note=(
                "the reference prints the event of a dialled internal call, not the call: here a dial to "
                "colleague 5002 (interaction '2'), then the Hello world setUserData on it. Its userData "
                "(IWAttachedDataInformation, IW_CaseUid, IW_BundleUid) is the contact centre's case data, "
                "not a shape: only an object is required"
            ),
        ),
        Example(
            1089,
            "change_case_id",
            {"interaction_id": "1"},
            form="response",
            scenario=True,
            events=(
                Sample(
                    1089,
                    _event(
                        "interaction",
                        {
                            "eventType": "CASE_ID_CHANGED",
                            "caseId": "eb647056-af78-4942-657d-976a25dd9de3",
                            "previousCaseId": "5f7e5f3a-fb6e-43f3-c404-eaee21db4ef1",
                        },
                    ),
                ),
            ),
            fixes=(
                "`CASE ID CHANGED` → `CASE_ID_CHANGED`; `caseld`/`previousCaseld` → `caseId`/`previousCaseId`",
                "`eb6470563` → `eb647056` (a UUID's first group has 8 digits), `4efl”` → `4ef1\"`",
            ),
            note="the contact centre renames the case of interaction '1' (scenario step change_case_id)",
        ),
        Example(
            2347,
            "interaction.selectCaseByCaseId",
            [CaseIdOf("1")],
            events=tuple(
                Sample(line, _event("interaction", {"eventType": event_type, "selectedCaseId": case_id}))
                for line, event_type, case_id in (
                    (2357, "CASE_COLLAPSED", "4401820b-c4e6-4994-69c2-6ae7fdbc4905"),
                    (2371, "CASE_EXPANDED", "4401820b-c4e6-4994-69c2-6ae7fdbc4905"),
                    (2382, "CASE_SELECTED", "d4187b87-9fe1-4db8-0515-6a91e666e22d"),
                )
            ),
            fixes=FIX_CASE_ID
            + ("`CASE COLLAPSED`/`CASE SELECTED` → `CASE_COLLAPSED`/`CASE_SELECTED`", "`9fel` → `9fe1`; `bs`/`by`/`b`/`h` → `},`/`}`"),
            note="`caseId` is the reference's variable: the case of interaction '1', while the dialled call's case is selected",
        ),
        Example(2352, "subscribe", ["interaction"]),
        Example(250, "subscribe", ["agent", "interaction"]),
    ),
)


# -- group 2: outbound, agent, system, messenger, auth, rate limits ----------------------------

CAMPAIGN = "Offer of the Month"
FIX_CAMPAIGN = ("`\"WWE` `Server\"`, `\"Offer` `of the Month\"`, `\"Predictive` `GVP\"`: line breaks joined; `}I` → `},`",)
CAMPAIGN_NOTE = "no scenario step loads or runs campaigns yet; the step's name is a placeholder for issue 12"
CHAIN_RECORD_FIELDS: Final = {
    # The system fields of a calling list's record (the sample's Custom* fields are its own list's).
    "GSW_AGENT_ID": "+33298025000",
    "GSW_APPLICATION_ID": 139,
    "GSW_ATTEMPTS": 0,
    "GSW_CALLING_LIST": "Calling List Custom",
    "GSW_CALL_ATTEMPT_GUID": "003DC7H6HG84DBRT1KMIF1TAES000031",
    "GSW_CALL_RESULT": 28,
    "GSW_CAMPAIGN_NAME": "Outbound Campaign Custom",
    "GSW_CHAIN_ID": 3,
    "GSW_CONTACT_MEDIA_TYPE": "voice",
    "GSW_FROM": 0,
    "GSW_PHONE": "+33647005",
    "GSW_PHONE_TYPE": 1,
    "GSW_RECORD_HANDLE": 283,
    "GSW_REFERENCE_ID": 3,
    "GSW_SWITCH_DBID": 101,
    "GSW_TZ_NAME": "ACT",
    "GSW_TZ_OFFSET": 34200,
    "GSW_UNTIL": 86399,
}
FIX_GSW = ("spaces for underscores in the GSW_* names (`GSW_CALL RESULT` → `GSW_CALL_RESULT`), `©`/`O` → `0`",)
CALL_RESULTS: Final = {
    "OK": 0,
    "GENERAL_ERROR": 3,
    "SYSTEM_ERROR": 4,
    "BUSY": 6,
    "NO_ANSWER": 7,
    "SIT_DETECTED": 8,
    "ANSWERING_MACHINE": 9,
    "ALL_TRUNKS_BUSY": 10,
    "SIT_INVALID_NUM": 11,
    "SIT_VACANT": 12,
    "SIT_OPERINTERCEPT": 13,
    "SIT_UNKNOWN": 14,
    "SIT_NO_CIRCUIT": 15,
    "SIT_REORDER": 16,
    "FAX_DETECTED": 17,
    "ABANDONED": 21,
    "DROPPED": 26,
    "DROPPED_NO_ANSWER": 27,
    "UNKNOWN": 28,
    "SILENCE": 32,
    "ANSWER": 33,
    "NU_TONE": 34,
    "NO_DIAL_TONE": 35,
    "NO_PROGRESS": 36,
    "NO_RINGBACK": 37,
    "NO_ESTABLISHED": 38,
    "PAGER_DETECTED": 39,
    "WRONG_PARTY": 40,
    "DIAL_ERROR": 41,
    "CALL_DROP_ERROR": 42,
    "SWITCH_ERROR": 43,
    "NO_FREE_PORT_ERROR": 44,
    "TRANSFER_ERROR": 45,
    "STALE": 46,
    "AGENT_CALLBACK_ERROR": 47,
    "GROUP_CALLBACK_ERROR": 48,
    "DO_NOT_CALL": 51,
    "CANCEL_RECORD": 52,
    "WRONG_NUMBER": 53,
}
TAB_HELPERS: Final = (
    (1074, "system.isFrameLeading", "`isFramelLeading` → `isFrameLeading`"),
    (1076, "system.isFrameFollowing", ""),
    (1078, "system.isFrameNegotiating", ""),
    (1080, "system.isFrameLeadingOrNegotiating", "`isFramelLeadingOrNegotiating` → `isFrameLeadingOrNegotiating`"),
    (1082, "system.isLastActiveFrame", ""),
)
MENU_BAR_VIEW: Final = {
    "name": "view1",
    "iconUrl": "https://cdn1.iconfinder.com/data/icons/free-social-media-12/32/RSS_social_media-128.png",
    "label": "Main content text",
    "shortLabel": "Short text",
    "tooltip": "Tooltip text",
    "labelColor": "#FFFFF",
    "backgroundColor": "#00000",
}
RATE_LIMIT_MESSAGE: Final = (
    "The rate limit for the request 'voice.dial' has been reached.\n"
    "Further requests of the same type will be ignored for 30 seconds."
)
DIAL_OUT = call("voice.dial", "+15550100", None)


def _campaign_event(line: int, step: str, event_type: str, **more: str) -> Example:
    return Example(
        line,
        step,
        {"campaign": CAMPAIGN, **more},
        form="response",
        scenario=True,
        events=(Sample(line, _event("outbound", {"eventType": event_type, "campaign": CAMPAIGN, **more}), exact=True),),
        fixes=FIX_CAMPAIGN,
        note=CAMPAIGN_NOTE,
    )


OUTBOUND_AGENT_SYSTEM_MESSENGER = Group(
    "outbound, agent, system, messenger, auth, rate limits",
    # The reference's sample configuration (lines 131-133); only the last example reaches it.
    options={
        "service-client-api.rate-limit": "0",
        "service-client-api.rate-limit.voice.dial": "4",
        "service-client-api.rate-limit.email.create": "2",
    },
    # The reference's own filter for the JWT (line 7275).
    filters=("(*, auth.getJwtToken)", ""),
    examples=(
        # Outbound first, so that a preview record, once issue 12 brings one, is interaction "1".
        Example(
            769,
            "outbound.getPreviewRecord",
            ["CampaignSIP"],
            form="response",
            events=(
                Sample(
                    769,
                    _event(
                        "interaction",
                        {
                            "eventType": "RECORDS_RETRIEVED",
                            "interaction": {
                                "interactionId": "1",
                                "caseId": "a26f59d2-2979-43c5-5c1d-b0757f9ab077",
                                "parentInteractionId": None,
                                "chainedRecords": [CHAIN_RECORD_FIELDS],
                                "userData": {},
                                "state": "PREVIEWING",
                                "previousState": "UNKNOWN",
                                "capabilities": ["CALL", "REJECT_RECORD", "CANCEL_RECORD"],
                                "parties": [{"name": "+33647005"}],
                                "startDate": None,
                                "endDate": None,
                                "callType": "OUTBOUND_PREVIEW",
                                "isMainCaseInteraction": True,
                                "isCaseSelected": True,
                                "isCaseExpanded": False,
                            },
                        },
                    ),
                ),
            ),
            fixes=FIX_GSW
            + (
                "`RECORDS RETRIEVED` → `RECORDS_RETRIEVED`, `OUTBOUND PREVIEW` → `OUTBOUND_PREVIEW`",
                "`caseld` → `caseId`, `isMainCaselInteraction` → `isMainCaseInteraction`",
            ),
            note=(
                "the call is ours: a pull preview record of the default workspace's CampaignSIP, whose first chain "
                "holds two records. Only the records' GSW_* system fields are required (the Custom* ones are the "
                "sample's calling list's)"
            ),
        ),
        Example(
            6184,
            "outbound.getListOfCallResults",
            response=_response("outbound.getListOfCallResults", CALL_RESULTS),
            fixes=(
                "`0K` → `OK`; spaces for underscores (`SYSTEM ERROR` → `SYSTEM_ERROR`, `FAXDETECTED` → `FAX_DETECTED`, "
                "`NUTONE` → `NU_TONE`); `}I` → `},`",
                "AGENT_CALLBACK_ERROR and GROUP_CALLBACK_ERROR have no value in the OCR: 47 and 48 (the gap)",
            ),
        ),
        Example(
            6358,
            "outbound.getCallResult",
            ["1"],
            setup=(call("outbound.callPreviewRecord", "1", 257), call("outbound.setCallResult", "1", 6)),
            response=_response("outbound.getCallResult", 6),
            exact=True,
            note=(
                "`interactionId` is the reference's variable: the preview record '1', called first (a call result "
                "needs an active or completed call), then the result 6 (BUSY) is set; '1' is served on its call "
                "'2' with a warning (the reference: once called, the call's id names the record)"
            ),
        ),
        Example(
            6564,
            "outbound.rescheduleRecord",
            ["1", 257, "05/27/2021 10:55", "PERSONAL"],
            outcome=FAILS,
            note=(
                "runs as printed and is refused: 05/27/2021 lies in the past of today's desktop, and a callback "
                "cannot be set in the past (the refusal names the record's time zone and its time now)"
            ),
            fixes=(
                "`'1l'` → `'1'`; the date (line 6584) and `\"PERSONAL \",` (line 6639) put back in order: "
                "`'05/27/2021 10:55'`, `'PERSONAL'`",
            ),
        ),
        Example(
            6748,
            "outbound.getChainedRecords",
            ["1"],
            response=_response("outbound.getChainedRecords", [{"records": [CHAIN_RECORD_FIELDS]}]),
            fixes=("`'1l'` → `'1'`",) + FIX_GSW,
            note="only the records' GSW_* system fields are required",
        ),
        Example(
            6926,
            "outbound.getRecordFields",
            ["1"],
            response=_response(
                "outbound.getRecordFields",
                [{"name": "GSW_FROM", "isMandatory": True, "isEditable": False, "valueType": "string"}],
            ),
            fixes=("`('1` → `('1', succeeded, failed)` (the line is cut)", "`GWS_FROM` → `GSW_FROM`"),
            note=(
                "the sample's three fields share name, isMandatory, isEditable and valueType (the first says `type` "
                "where the others and the Field type say `fieldType`; the third has no value): those are required"
            ),
        ),
        Example(
            7069,
            "outbound.updateRecordFields",
            ["1", {"GSW_FROM": "10.15", "GSW_UNTIL": "23:45", "GSW_PHONE_TYPE": 9, "GSW_CUSTOM_STRING": "Custom message"}],
            fixes=("`i` → `'1'`", "`GSW_CUSTOM STRING` → `GSW_CUSTOM_STRING`", "`}I` → `},`"),
        ),
        _campaign_event(700, "load_campaign", "CampaignLoaded"),
        _campaign_event(733, "start_campaign", "CampaignStarted", mode="Predictive GVP"),
        _campaign_event(747, "stop_campaign", "CampaignStopped"),
        _campaign_event(712, "unload_campaign", "CampaignUnloaded"),
        # Agent: the reference prints the events of two state changes, not the calls.
        Example(
            257,
            "agent.setState",
            ["Ready"],
            form="response",
            events=(Sample(257, _event("agent", {"eventType": "STATE_CHANGED", "mediaState": "READY"}), exact=True),),
            note="the event of a change to Ready: agent.setState('Ready')",
        ),
        Example(
            267,
            "agent.setState",
            ["NotReadyBreak"],
            form="response",
            events=(
                Sample(
                    267,
                    _event(
                        "agent",
                        {"eventType": "STATE_CHANGED", "mediaState": "NOT_READY_ACTION_CODE", "reason": "Break", "reasonCode": "1511"},
                    ),
                    exact=True,
                ),
            ),
            fixes=("`STATE CHANGED` → `STATE_CHANGED`, `NOT READY ACTION CODE` → `NOT_READY_ACTION_CODE`",),
            note="the event of a change to Not Ready with reason Break: the state list's 'NotReadyBreak'",
        ),
        Example(1046, "subscribe", ["system"]),
        Example(7382, "subscribe", ["messenger:my-channel"]),
        Example(7388, "subscribe", ["messenger:my-channel", "messenger:my-channel2"]),
        # System.
        Example(
            4057,
            "system.amIVisible",
            response=_response("system.amIVisible", True),
            exact=True,
            note="the app is the front tab; the sample's setTimeout only leaves time to switch tabs",
        ),
        Example(
            5048,
            "system.updateViewInApplicationMenuBar",
            [MENU_BAR_VIEW],
            response=_response("system.updateViewInApplicationMenuBar", "view1"),
            exact=True,
            fixes=(
                "`viewl` → `view1`, `cdnl` → `cdn1`, `RSS social media-128.png` → `RSS_social_media-128.png` "
                "(the URL's line break joined)",
                "the comma lost after `\"Short text\"`; the stray `'` after `)` dropped",
            ),
            note="labelColor #FFFFF and backgroundColor #00000 (five digits) are the reference's own, kept",
        ),
        Example(
            4217,
            "system.closeViewInApplicationMenuBar",
            ["view1"],
            response=_response("system.closeViewInApplicationMenuBar", True),
            exact=True,
            fixes=("`viewl` → `view1` (the view of line 5048, made first)",),
        ),
        Example(
            4562,
            "system.openDialog",
            ["", {"label": "Dialog $Agent.FullName$", "width": "430px", "height": "325px"}],
            response=_response("system.openDialog", "wweCustomDialog1"),
            exact=True,
            fixes=("`wweCustomDialogl` → `wweCustomDialog1`",),
        ),
        Example(
            4230,
            "system.closeDialog",
            ["wweCustomDialog1"],
            response=_response("system.closeDialog", True),
            exact=True,
            fixes=("`wweCustomDialogl` → `wweCustomDialog1` (the dialog of line 4562, opened first)",),
        ),
        Example(
            4654,
            "system.popupToast",
            [{"keyValues": KEY_VALUES}],
            form="parameter",
            fixes=FIX_KEY_VALUES,
            note="the reference prints popupToast's keyValues example only",
        ),
        Example(
            5180,
            "system.updateToast",
            [ReplyOf(4654), {"keyValues": KEY_VALUES}],
            form="parameter",
            fixes=FIX_KEY_VALUES,
            note="the reference prints updateToast's keyValues example only; the toast is line 4654's",
        ),
        *(
            Example(line, request, form="helper", fixes=(fix,) if fix else ())
            for line, request, fix in TAB_HELPERS
        ),
        # The frameState events of lines 1053 and 1063 need a second desktop tab: replayed by
        # tests/unit/test_tabs_election.py and tests/e2e/test_tabs_in_chromium.py.
        # Messenger: app 1 hears app 0's broadcast.
        Example(
            7375,
            "messenger.broadcastMessage",
            ["my-channel", {"foo": "A foo text.", "bar": 1234}],
            events=(Sample(7402, _event("messenger:my-channel", {"foo": "A foo text.", "bar": 1234}), exact=True),),
            observer=1,
            fixes=("`}I` → `},` in the event",),
        ),
        Example(
            7312,
            "auth.getJwtToken",
            form="response",
            response={"data": {"expiration": "2020-04-14T13:26:51.846Z", "jwtToken": ""}},
            fixes=("`846Z2` → `846Z`", "`n J' WtToken n : nn` → `\"jwtToken\": \"\"`"),
            note="the reference prints the answer's data only; the origin's filter names auth.getJwtToken, as line 7275 says",
        ),
        # Last: the fifth dial of the minute, over the reference's sample limit of 4.
        Example(
            155,
            "voice.dial",
            ["+15550100", None],
            form="response",
            setup=(DIAL_OUT,) * 4,
            outcome=RATE_LIMIT_MESSAGE,
            response={"errorMessage": RATE_LIMIT_MESSAGE, "request": "agent.getState"},
            fixes=("the message's line break joined",),
            note=(
                "the reference prints the answer only, naming voice.dial in the message and agent.getState as the "
                "request; here the fifth voice.dial(destination, succeeded, failed) of a minute, with the sample "
                "configuration's voice.dial limit of 4"
            ),
        ),
    ),
)

GROUPS: Final = (INTERACTIONS_AND_CONFIGURATION, OUTBOUND_AGENT_SYSTEM_MESSENGER)
EXAMPLES: Final = tuple(example for group in GROUPS for example in group.examples)
