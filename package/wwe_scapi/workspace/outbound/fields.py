"""The fields of an outbound record: the reference's `Field` type (fieldType, valueType,
isEditable, isMandatory, options) and how a value given to updateRecordFields is read.

Each field keeps one canonical value; it is shown three ways: as the Field's `value` (a
string: "MM/DD/YYYY HH:MM" for dates, "HH:MM" for times), in the record of a chain (numbers
as numbers; Call From / Call Until in seconds after midnight, dates "YYYY-MM-DD HH:MM:SS", as
the reference's samples print them), and in the interaction's userData (every value a string, records.as_user_data).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.leniency import Warn

FIELD_TYPES: Final = ("int", "float", "char", "var-char", "date", "time", "bool", "enum")
DATE_FORMAT: Final = "%m/%d/%Y %H:%M"  # what the Field shows and updateRecordFields takes
RECORD_DATE_FORMAT: Final = "%Y-%m-%d %H:%M:%S"  # as a chain's record shows it
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DOTTED_TIME = re.compile(r"^(\d{1,2})\.(\d{2})$")  # the reference's own sample: GSW_FROM '10.15'

Value = int | float | str | bool | datetime | None


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a calling list. `seconds`: a time kept as seconds after midnight (the
    system fields GSW_FROM / GSW_UNTIL), else as "HH:MM"."""

    name: str
    display_name: str
    field_type: str
    editable: bool = True
    mandatory: bool = False
    options: Mapping[str, str] = field(default_factory=dict)  # enum: code -> label
    seconds: bool = False

    def __post_init__(self) -> None:
        if self.field_type not in FIELD_TYPES:
            raise ValueError(f"field {self.name!r}: fieldType must be one of {', '.join(FIELD_TYPES)}, got {self.field_type!r}")
        if (self.field_type == "enum") != bool(self.options):
            raise ValueError(f"field {self.name!r}: enum fields, and only they, have options")

    @property
    def value_type(self) -> str:
        """The reference's valueType: what updateRecordFields must be given."""
        if self.field_type in ("int", "float"):
            return "number"
        if self.field_type == "bool":
            return "boolean"
        if self.field_type == "enum":
            return "number" if all(code.lstrip("-").isdigit() for code in self.options) else "string"
        return "string"

    def to_wire(self, value: Value) -> dict[str, Any]:
        """The reference's Field. `type` repeats `fieldType`: the reference's first sample
        prints `type`, its others and the Field type `fieldType`; carrying both costs nothing."""
        shape: dict[str, Any] = {
            "name": self.name,
            "displayName": self.display_name,
            "value": shown(self, value),
            "isEditable": self.editable,
            "isMandatory": self.mandatory,
            "fieldType": self.field_type,
            "type": self.field_type,
            "valueType": self.value_type,
        }
        if self.options:
            shape["options"] = dict(self.options)
        return shape


def shown(spec: FieldSpec, value: Value) -> str:
    """The Field's `value`: always a string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime(DATE_FORMAT)
    if spec.field_type == "time" and isinstance(value, int):
        return f"{value // 3600:02d}:{value % 3600 // 60:02d}"
    return str(value)


def in_record(spec: FieldSpec, value: Value) -> Any:
    """The value as a chain's record carries it (RECORDS_RETRIEVED, getChainedRecords)."""
    if isinstance(value, datetime):
        return value.strftime(RECORD_DATE_FORMAT)
    if spec.field_type == "float" and value is not None:
        return str(value)  # the reference's samples print "16.64"
    return value


def read(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    """The canonical value of what updateRecordFields gives for this field, or a
    WorkspaceError naming the field, what it needs and what came."""
    if given is None or given == "":
        if spec.mandatory:
            raise WorkspaceError(f"{_named(spec)} is mandatory: it cannot be made empty.")
        return None
    reader = _READERS[spec.field_type]
    value = reader(spec, given, warn)
    if value is None:
        raise WorkspaceError(f"{_named(spec)} needs {_NEEDS[spec.field_type]} (valueType {spec.value_type}); got {_described(given)}.")
    return value


def _named(spec: FieldSpec) -> str:
    return f"Field {spec.name!r} ({spec.display_name}, {spec.field_type})"


def _described(given: Any) -> str:
    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a string", dict: "an object", list: "an array"}
    return f"{kind.get(type(given), type(given).__name__)} {given!r}"


def _integer(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    if isinstance(given, bool) or not isinstance(given, (int, float)):
        return None
    return int(given) if float(given).is_integer() else None


def _float(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    if isinstance(given, bool) or not isinstance(given, (int, float)) or not math.isfinite(given):
        return None
    return float(given)


def _char(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    return given if isinstance(given, str) and len(given) == 1 else None


def _text(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    return given if isinstance(given, str) else None


def _date(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    if not isinstance(given, str):
        return None
    try:
        return datetime.strptime(given.strip(), DATE_FORMAT)
    except ValueError:
        return None


def _time(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    if not isinstance(given, str):
        return None
    text = given.strip()
    match = _TIME.match(text)
    dotted = None if match else _DOTTED_TIME.match(text)
    found = match or dotted
    if found is None:
        return None
    hours, minutes = int(found.group(1)), int(found.group(2))
    if hours > 23 or minutes > 59:
        return None
    if dotted:
        warn(f"outbound.updateRecordFields: {spec.name} is a time, documented as HH:MM, got {given!r}", f"read as {hours:02d}:{minutes:02d}")
    return hours * 3600 + minutes * 60 if spec.seconds else f"{hours:02d}:{minutes:02d}"


def _boolean(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    return given if isinstance(given, bool) else None


def _enum(spec: FieldSpec, given: Any, warn: Warn) -> Value:
    numeric = spec.value_type == "number"
    if numeric and (isinstance(given, bool) or not isinstance(given, int)):
        return None
    if not numeric and not isinstance(given, str):
        return None
    if str(given) not in spec.options:
        choices = ", ".join(f"{code} ({label})" for code, label in spec.options.items())
        raise WorkspaceError(f"{_named(spec)} has no option {given!r}; its options are {choices}.")
    return int(given) if numeric else str(given)


_READERS = {
    "int": _integer,
    "float": _float,
    "char": _char,
    "var-char": _text,
    "date": _date,
    "time": _time,
    "bool": _boolean,
    "enum": _enum,
}
_NEEDS = {
    "int": "a whole number",
    "float": "a number",
    "char": "a string of one character",
    "var-char": "a string",
    "date": 'a date string "MM/DD/YYYY HH:MM"',
    "time": 'a time string "HH:MM"',
    "bool": "true or false",
    "enum": "one of its option codes",
}
