"""Custom dialogs (system.openDialog / closeDialog): an app's page in a modal iframe."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.leniency import Warn, refuse
from wwe_scapi.workspace.params import STRING, UNREAD, Check, check_object, is_http_url

_SIZE = re.compile(r"^\d+(?:\.\d+)?(?:px|%)$")
_PLAIN_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")


def _size_in_text(value: object) -> object:
    """ "430" -> "430px"."""
    return f"{value.strip()}px" if isinstance(value, str) and _PLAIN_NUMBER.match(value) else UNREAD


SIZE = Check(
    "a size in px or % (e.g. '430px', '50%', or a number of pixels)",
    lambda v: (isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0)
    or (isinstance(v, str) and bool(_SIZE.match(v.strip()))),
    _size_in_text,
)
DIALOG_OPTIONS: dict[str, Check] = {"label": STRING, "width": SIZE, "height": SIZE}


@dataclass(slots=True)
class Dialog:
    id: str
    owner: int
    url: str
    label: str | None
    width: str | None  # CSS lengths
    height: str | None


def _css(value: Any) -> str | None:
    if value is None:
        return None
    return f"{value}px" if isinstance(value, (int, float)) else str(value).strip()


class DialogBoard:
    def __init__(self) -> None:
        self.dialogs: dict[str, Dialog] = {}
        self._count = 0

    def open(self, owner: int, url: str | None, options: Any, warn: Warn = refuse) -> Dialog | None:
        """None when url is undefined (the reference); options must be an object, {} at least."""
        if options is None:
            raise WorkspaceError("system.openDialog: options must not be null; pass {} when there are none.")
        if not isinstance(options, Mapping):
            raise WorkspaceError("system.openDialog: options must be an object such as {label, width, height}.")
        checked = check_object("system.openDialog", options, DIALOG_OPTIONS, warn)
        if url is None:
            return None
        if not is_http_url(url):
            raise WorkspaceError(f"system.openDialog: url must be an absolute http(s) URL, got {url!r}.")
        self._count += 1
        dialog = Dialog(
            f"wweCustomDialog{self._count}",
            owner,
            url,
            checked.get("label"),
            _css(checked.get("width")),
            _css(checked.get("height")),
        )
        self.dialogs[dialog.id] = dialog
        return dialog

    def close(self, dialog_id: str) -> bool:
        return self.dialogs.pop(dialog_id, None) is not None
