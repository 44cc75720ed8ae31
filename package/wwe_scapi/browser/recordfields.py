"""An outbound record's fields on the desktop: an input typed by each field's fieldType (the
reference's `Field`, as outbound.getRecordFields answers it), and what the agent entered read
back as the values outbound.updateRecordFields takes."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from wwe_scapi.browser.dom import Dom
from wwe_scapi.workspace.errors import WorkspaceError

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Element

Field = Mapping[str, Any]  # one Field of getRecordFields: name, displayName, value, fieldType, ...

# fieldType -> the <input>'s attributes (enum fields are a <select>).
_INPUTS: Final[dict[str, dict[str, str]]] = {
    "int": {"type": "number", "step": "1", "inputmode": "numeric"},
    "float": {"type": "number", "step": "any", "inputmode": "decimal"},
    "char": {"type": "text", "maxlength": "1"},
    "var-char": {"type": "text"},
    "date": {"type": "text", "placeholder": "MM/DD/YYYY HH:MM"},
    "time": {"type": "text", "placeholder": "HH:MM"},
    "bool": {"type": "checkbox"},
}


def field_row(dom: Dom, field: Field, editable: bool) -> Element:
    """A label and the field's value: an input when the agent may edit it, else its text."""
    row = dom.element("div", None, **{"class": "record-field"})
    row.appendChild(dom.element("span", str(field["displayName"]), **{"class": "field-name"}))
    if editable and field["isEditable"]:
        row.appendChild(field_input(dom, field))
    else:
        text = dict(field.get("options") or {}).get(field["value"], str(field["value"]))  # an enum's label
        row.appendChild(dom.element("span", str(text), data_field=str(field["name"]), **{"class": "field-value"}))
    return row


def field_input(dom: Dom, field: Field) -> Element:
    """The input of an editable field, showing its value; `data-field` names the field."""
    name, kind, value = str(field["name"]), str(field["fieldType"]), str(field["value"])
    label = f"{field['displayName']} ({kind})"
    if kind == "enum":
        select = dom.element("select", None, data_field=name, aria_label=label)
        for code, option in dict(field["options"]).items():
            select.appendChild(dom.element("option", str(option), value=str(code)))
        select.value = value
        return select
    attributes = dict(_INPUTS[kind])
    if kind == "bool":
        box = dom.element("input", None, data_field=name, aria_label=label, **attributes)
        box.checked = value == "true"
        return box
    if field["isMandatory"]:
        attributes["required"] = ""
    return dom.element("input", None, data_field=name, aria_label=label, value=value, **attributes)


def shown(element: Element) -> str:
    """What the input holds, as the Field's `value` string would say it."""
    if element.getAttribute("type") == "checkbox":
        return "true" if element.checked else "false"
    return str(element.value)


def show(element: Element, text: str) -> None:
    """Put back what `shown` read (a draft kept across a redraw)."""
    if element.getAttribute("type") == "checkbox":
        element.checked = text == "true"
    else:
        element.value = text


def changed_values(fields: Sequence[Field], inputs: Sequence[Element]) -> dict[str, Any]:
    """The editable fields whose input differs from the record, by name, each value as
    updateRecordFields takes it (what cannot be read is passed as typed, for the workspace
    to refuse with its reason)."""
    by_name = {str(field["name"]): field for field in fields if field["isEditable"]}
    changes: dict[str, Any] = {}
    for element in inputs:
        field = by_name.get(str(element.getAttribute("data-field")))
        if field is None:
            continue
        if _unreadable(element):
            # A number input whose text the browser cannot read as a number: its value is "",
            # which would clear the field; what was typed is not to be had.
            needs = "a whole number" if field["fieldType"] == "int" else "a number"
            raise WorkspaceError(
                f"Field {field['name']!r} ({field['displayName']}, {field['fieldType']}) needs {needs}: "
                "what is typed in it is not one. Nothing was saved."
            )
        if shown(element) == str(field["value"]):
            continue
        changes[str(field["name"])] = _READERS.get(str(field["fieldType"]), _text)(field, shown(element))
    return changes


def _unreadable(element: Element) -> bool:
    """Whether the browser holds text in the input that it cannot read (validity.badInput:
    `value` is then "")."""
    validity = getattr(element, "validity", None)
    return bool(getattr(validity, "badInput", False))


def _number(field: Field, text: str) -> Any:
    stripped = text.strip()
    if stripped == "":
        return ""
    for kind in (int, float):
        try:
            number = kind(stripped)
        except ValueError:
            continue
        return number if math.isfinite(number) else text
    return text


def _boolean(field: Field, text: str) -> Any:
    return text == "true"


def _enum(field: Field, text: str) -> Any:
    return int(text) if field["valueType"] == "number" and text.lstrip("-").isdigit() else text


def _text(field: Field, text: str) -> Any:
    return text


_READERS: Final[dict[str, Callable[[Field, str], Any]]] = {
    "int": _number,
    "float": _number,
    "bool": _boolean,
    "enum": _enum,
}
