"""Rescheduling a record (outbound.rescheduleRecord): a date "MM/DD/YYYY HH:MM" in the
record's time zone (GSW_TZ_OFFSET), not in the past, within the record's Call From / Call
Until window; a callback of the campaign or personal to the agent."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Final

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.leniency import Warn
from wwe_scapi.workspace.outbound.fields import DATE_FORMAT, shown
from wwe_scapi.workspace.outbound.records import SYSTEM_FIELDS, Record, Reschedule

CALLBACK_TYPES: Final = ("CAMPAIGN", "PERSONAL")
_TIME_SPEC = next(spec for spec in SYSTEM_FIELDS if spec.name == "GSW_FROM")


def callback_type(given: Any, warn: Warn) -> str:
    """CAMPAIGN or PERSONAL; another case or surrounding spaces are read, with a warning."""
    if not isinstance(given, str) or given.strip().upper() not in CALLBACK_TYPES:
        raise WorkspaceError(f"rescheduleRecord: callbackType must be CAMPAIGN or PERSONAL, got {given!r}.")
    read = given.strip().upper()
    if read != given:
        warn(f"outbound.rescheduleRecord: callbackType is documented as CAMPAIGN or PERSONAL, got {given!r}", f"read as {read}")
    return read


def reschedule(record: Record, date: Any, kind: str, now: float) -> Reschedule:
    """The callback, or a WorkspaceError naming the rule it breaks. `now`: wall time (epoch)."""
    if not isinstance(date, str):
        raise WorkspaceError(f'rescheduleRecord: rescheduleDate must be a string "MM/DD/YYYY HH:MM", got {date!r}.')
    try:
        local = datetime.strptime(date.strip(), DATE_FORMAT)
    except ValueError:
        raise WorkspaceError(
            f'rescheduleRecord: rescheduleDate must read "MM/DD/YYYY HH:MM" (in the record\'s time zone), got {date!r}.'
        ) from None
    zone = timezone(timedelta(seconds=record.tz_offset))
    record_now = datetime.fromtimestamp(now, zone).replace(tzinfo=None)
    if local <= record_now:
        raise WorkspaceError(
            f"Cannot reschedule record {record.handle} to {date}: that is in the past in its time zone "
            f"({record.tz_name or 'offset'} {_offset(record.tz_offset)}), where it is now {record_now.strftime(DATE_FORMAT)}."
        )
    start, end = record.window()
    second = local.hour * 3600 + local.minute * 60
    inside = start <= second <= end if start <= end else (second >= start or second <= end)
    if not inside:
        raise WorkspaceError(
            f"Cannot reschedule record {record.handle} to {date}: {local.strftime('%H:%M')} is outside its "
            f"Call From / Call Until window ({shown(_TIME_SPEC, start)}-{shown(_TIME_SPEC, end)}, its time zone)."
        )
    return Reschedule(local, kind)


def _offset(seconds: int) -> str:
    sign = "+" if seconds >= 0 else "-"
    hours, rest = divmod(abs(seconds), 3600)
    return f"UTC{sign}{hours:02d}:{rest // 60:02d}"
