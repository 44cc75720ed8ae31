"""The default workspace's campaigns: CampaignSIP (the name the vendor's sample page asks
for), a running preview campaign; a push preview and a direct push preview campaign. Their
calling lists hold records in several time zones, with a custom field of every field type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from wwe_scapi.workspace.outbound.campaigns import DIRECT_PUSH_PREVIEW, PREVIEW, PUSH_PREVIEW, Campaign, CampaignStatus
from wwe_scapi.workspace.outbound.fields import FieldSpec
from wwe_scapi.workspace.outbound.records import CallingList, make_records

CUSTOM_FIELDS: Final = (
    # The reference's updateRecordFields sample sets GSW_CUSTOM_STRING.
    FieldSpec("GSW_CUSTOM_STRING", "Custom String", "var-char"),
    FieldSpec("Customer Name", "Customer Name", "var-char", mandatory=True),
    FieldSpec("Account Number", "Account Number", "var-char", editable=False),
    FieldSpec("Custom Integer", "Custom Integer", "int"),
    FieldSpec("Custom Float", "Custom Float", "float"),
    FieldSpec("Custom Character", "Custom Character", "char"),
    FieldSpec("Custom Datetime", "Custom Datetime", "date"),
    FieldSpec("Custom Time", "Best Time To Call", "time"),
    FieldSpec("Custom Boolean", "Existing Customer", "bool"),
    FieldSpec("Custom Enum", "Offer", "enum", options={"1": "Gold", "2": "Silver", "3": "Bronze"}),
)

# Time zones as Outbound Contact Server names them, with their offsets (GSW_TZ_OFFSET, s).
ZONES: Final = {
    "EST": -18000,
    "PST": -28800,
    "CET": 3600,
    "GMT": 0,
    "ACT": 34200,
    "JST": 32400,
}


def _customer(name: str, account: str, phone: str, zone: str, **more: Any) -> dict[str, Any]:
    return {
        "GSW_PHONE": phone,
        "GSW_TZ_NAME": zone,
        "GSW_TZ_OFFSET": ZONES[zone],
        "GSW_FROM": "08:00",
        "GSW_UNTIL": "20:00",
        "Customer Name": name,
        "Account Number": account,
        "GSW_CUSTOM_STRING": "Hi there!",
        "Custom Integer": 0,
        "Custom Float": 16.64,
        "Custom Character": "c",
        "Custom Datetime": "03/17/2021 14:42",
        "Custom Time": "18:30",
        "Custom Boolean": True,
        "Custom Enum": 1,
        **more,
    }


# Chains of records: a chain is one customer, each record one of their numbers.
SIP_CHAINS: Final[Sequence[Sequence[Mapping[str, Any]]]] = (
    (
        _customer("Avery Stone", "AC-1001", "+33647005", "ACT", GSW_PHONE_TYPE=1),
        _customer("Avery Stone", "AC-1001", "+33647004", "ACT", GSW_PHONE_TYPE=4),
    ),
    (_customer("Blake Rivera", "AC-1002", "+12125550141", "EST"),),
    (_customer("Casey Nguyen", "AC-1003", "+14155550172", "PST", GSW_FROM="09:00", GSW_UNTIL="17:00"),),
    (_customer("Devon Okafor", "AC-1004", "+493055501234", "CET"),),
    (_customer("Emery Tanaka", "AC-1005", "+81355501234", "JST"),),
    (_customer("Finley Brooks", "AC-1006", "+442075550123", "GMT"),),
)
PUSH_CHAINS: Final = (
    (_customer("Harper Lane", "PU-2001", "+12025550111", "EST"),),
    (_customer("Indigo Park", "PU-2002", "+13105550122", "PST"),),
    (_customer("Jules Martin", "PU-2003", "+33155550133", "CET"),),
    (_customer("Kai Suzuki", "PU-2004", "+81355500144", "JST"),),
)
DIRECT_CHAINS: Final = (
    (_customer("Logan Reyes", "DI-3001", "+17185550155", "EST"),),
    (_customer("Morgan Ali", "DI-3002", "+442075550166", "GMT"),),
    (_customer("Noel Weber", "DI-3003", "+493055500177", "CET"),),
    (_customer("Oakley Chen", "DI-3004", "+61295550188", "ACT"),),
)


def campaign(
    name: str,
    mode: str,
    chains: Sequence[Sequence[Mapping[str, Any]]] = (),
    *,
    custom_fields: Sequence[FieldSpec] = CUSTOM_FIELDS,
    list_name: str | None = None,
    first_handle: int = 1,
    dbid: int = 101,
    description: str = "",
    running: bool = False,
) -> Campaign:
    """A campaign over a calling list of these chains (values as updateRecordFields takes them)."""
    calling_list = CallingList(list_name or f"{name} List", dbid, tuple(custom_fields))
    calling_list.records = make_records(chains, calling_list, first_handle)
    made = Campaign(name, mode, calling_list, description=description, dbid=dbid)
    if running:
        made.status = CampaignStatus.RUNNING
    return made


def default_campaigns() -> list[Campaign]:
    """Fresh each time: records change as the agent works them."""
    return [
        campaign("CampaignSIP", PREVIEW, SIP_CHAINS, first_handle=257, dbid=101, running=True),
        campaign("CampaignPush", PUSH_PREVIEW, PUSH_CHAINS, first_handle=401, dbid=102, running=True),
        campaign("CampaignDirect", DIRECT_PUSH_PREVIEW, DIRECT_CHAINS, first_handle=501, dbid=103, running=True),
    ]
