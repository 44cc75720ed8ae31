"""Calling lists and their records: what Outbound Contact Server hands the agent, and what
the agent's work on a record (call result, Do Not Call, reschedule, edited fields) sends back
when it is marked done."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.leniency import refuse
from wwe_scapi.workspace.outbound.fields import FieldSpec, Value, in_record, read

PHONE_TYPES: Final = {
    "0": "None",
    "1": "Home Phone",
    "2": "Direct Business Phone",
    "3": "Business With Extension",
    "4": "Mobile",
    "5": "Vacation Phone",
    "6": "Pager",
    "7": "Modem",
    "8": "Voice Mail",
    "9": "Pin Pager",
    "10": "Email Address",
    "11": "Instant Messaging",
}

# The system fields every calling list has; the reference lets the agent edit these four
# ("Call From, Call Until, Phone, Phone Type"), plus custom fields.
SYSTEM_FIELDS: Final = (
    FieldSpec("GSW_PHONE", "Phone", "var-char", mandatory=True),
    FieldSpec("GSW_PHONE_TYPE", "Phone Type", "enum", options=PHONE_TYPES),
    FieldSpec("GSW_FROM", "Call From", "time", mandatory=True, seconds=True),
    FieldSpec("GSW_UNTIL", "Call Until", "time", mandatory=True, seconds=True),
    FieldSpec("GSW_TZ_NAME", "Time Zone", "var-char", editable=False),
    FieldSpec("GSW_ATTEMPTS", "Attempts", "int", editable=False),
)
# What a record given as plain data has unless it says otherwise: callable all day.
RECORD_DEFAULTS: Final[dict[str, Any]] = {"GSW_PHONE_TYPE": 1, "GSW_FROM": "00:00", "GSW_UNTIL": "23:59", "GSW_ATTEMPTS": 0}


class RecordStatus(enum.StrEnum):
    """Where a record is, as the calling list sees it."""

    READY = "ready"  # waiting in the list
    WITH_AGENT = "with agent"  # handed to the agent, not yet marked done
    DONE = "done"  # marked done: its outcome went back to the list
    REJECTED = "rejected"  # back in the list for another agent
    CANCELED = "canceled"  # taken out of the list
    RESCHEDULED = "rescheduled"  # marked done with a callback
    DO_NOT_CALL = "do not call"  # marked done with Do Not Call


@dataclass(frozen=True, slots=True)
class Reschedule:
    """A callback: when (in the record's time zone, as given) and whose (CAMPAIGN or PERSONAL)."""

    local: datetime
    callback_type: str


@dataclass(slots=True)
class Record:
    """One record of a calling list. `values` holds every field's canonical value by name;
    `original` what the list handed out (GSW_CALL_RESULT is the last attempt's result)."""

    handle: int
    chain_id: int
    values: dict[str, Value]
    tz_offset: int  # seconds east of UTC (GSW_TZ_OFFSET)
    reference_id: int = 0
    last_call_result: int = 28  # GSW_CALL_RESULT as the list has it: UNKNOWN
    status: RecordStatus = RecordStatus.READY
    call_result: int | None = None  # set by the agent (setCallResult)
    do_not_call: bool = False
    reschedule: Reschedule | None = None
    attempt_guid: str = ""

    @property
    def phone(self) -> str:
        return str(self.values.get("GSW_PHONE") or "")

    @property
    def tz_name(self) -> str:
        return str(self.values.get("GSW_TZ_NAME") or "")

    def window(self) -> tuple[int, int]:
        """Call From / Call Until, seconds after midnight in the record's time zone."""
        start, end = self.values.get("GSW_FROM"), self.values.get("GSW_UNTIL")
        return (start if isinstance(start, int) else 0, end if isinstance(end, int) else 86399)

    def outcome(self) -> dict[str, Any]:
        """What the agent's work made of it (the desktop's list and the scenario show it)."""
        return {
            "recordHandle": self.handle,
            "status": self.status.value,
            "callResult": self.call_result,
            "doNotCall": self.do_not_call,
            "reschedule": None
            if self.reschedule is None
            else {"date": self.reschedule.local.strftime("%m/%d/%Y %H:%M"), "callbackType": self.reschedule.callback_type},
        }


@dataclass(slots=True)
class CallingList:
    """A calling list: its fields (system ones first) and records in list order."""

    name: str
    dbid: int
    custom_fields: tuple[FieldSpec, ...] = ()
    records: list[Record] = field(default_factory=list)

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return SYSTEM_FIELDS + self.custom_fields

    def spec(self, name: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.name == name), None)

    def chain(self, chain_id: int) -> list[Record]:
        return [record for record in self.records if record.chain_id == chain_id]

    def next_chain(self) -> list[Record]:
        """The first chain whose records all wait in the list; [] when none is left."""
        for record in self.records:
            chain = self.chain(record.chain_id)
            if all(member.status is RecordStatus.READY for member in chain):
                return chain
        return []

    def record(self, handle: int) -> Record:
        found = next((record for record in self.records if record.handle == handle), None)
        if found is None:
            raise WorkspaceError(f"Calling list {self.name!r} has no record {handle}.")
        return found


def chain_record(calling_list: CallingList, record: Record, campaign_keys: Mapping[str, Any], user_event: str) -> dict[str, Any]:
    """One record as RECORDS_RETRIEVED's chainedRecords and getChainedRecords show it."""
    shape: dict[str, Any] = {
        spec.name: in_record(spec, record.values.get(spec.name)) for spec in calling_list.fields
    }
    shape.update(campaign_keys)
    shape.update(
        {
            "GSW_CALLING_LIST": calling_list.name,
            "GSW_CALLING_LIST_DBID": calling_list.dbid,
            "GSW_CALL_ATTEMPT_GUID": record.attempt_guid,
            "GSW_CALL_RESULT": record.last_call_result,
            "GSW_CHAIN_ID": record.chain_id,
            "GSW_CONTACT_MEDIA_TYPE": "voice",
            "GSW_RECORD_HANDLE": record.handle,
            "GSW_REFERENCE_ID": record.reference_id,
            "GSW_TZ_OFFSET": record.tz_offset,
            "GSW_USER_EVENT": user_event,
            "InteractionSubtype": "OutboundNew",
            "InteractionType": "Outbound",
        }
    )
    return dict(sorted(shape.items()))


def as_user_data(carried: Mapping[str, Any]) -> dict[str, str]:
    """A chain record's keys as the interaction's userData: every value a string (the
    reference's RECORDS_RETRIEVED sample)."""
    return {key: _text(value) for key, value in carried.items()}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def make_records(
    chains: Iterable[Sequence[Mapping[str, Any]]], calling_list: CallingList, first_handle: int
) -> list[Record]:
    """Records from plain data (the defaults, the load_campaign scenario step): chains of
    {field: value}, each with GSW_TZ_OFFSET; values as updateRecordFields would take them."""
    records: list[Record] = []
    handle = first_handle
    known = {spec.name for spec in calling_list.fields} | {"GSW_TZ_OFFSET", "GSW_CALL_RESULT"}
    for chain_id, chain in enumerate(chains, start=1):
        for data in chain:
            unknown = sorted(set(data) - known)
            if unknown:
                raise WorkspaceError(f"Calling list {calling_list.name!r} has no field {', '.join(map(repr, unknown))}.")
            given = {**RECORD_DEFAULTS, **data}
            values = {spec.name: read(spec, given.get(spec.name), refuse) for spec in calling_list.fields}
            records.append(
                Record(
                    handle,
                    chain_id,
                    values,
                    tz_offset=int(data.get("GSW_TZ_OFFSET", 0)),
                    reference_id=handle - first_handle + 1,
                    last_call_result=int(data.get("GSW_CALL_RESULT", 28)),
                )
            )
            handle += 1
    return records
