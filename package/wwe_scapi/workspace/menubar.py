"""Custom views in the Application Menu bar (system.updateViewInApplicationMenuBar / close...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wwe_scapi.workspace.errors import WorkspaceError
from wwe_scapi.workspace.leniency import Warn, refuse
from wwe_scapi.workspace.params import COLOUR, STRING, Check, check_object

VIEW_PARAMETERS: dict[str, Check] = {
    "name": STRING,
    "iconUrl": STRING,
    "label": STRING,
    "shortLabel": STRING,
    "tooltip": STRING,
    "labelColor": COLOUR,
    "backgroundColor": COLOUR,
}


class MenuBar:
    def __init__(self) -> None:
        self.views: dict[str, dict[str, Any]] = {}  # name -> parameters, in creation order
        self.owners: dict[str, int] = {}  # name -> the frame that last updated it

    def update(self, owner: int, parameters: Mapping[str, Any], warn: Warn = refuse) -> str:
        """Create the view, or update the one of that name; answers its name. A malformed
        colour is left out (the view shows the default one)."""
        call = "system.updateViewInApplicationMenuBar"
        checked = check_object(call, parameters, VIEW_PARAMETERS, warn)
        name = str(checked.get("name", "")).strip()
        if not name:
            raise WorkspaceError(f"{call}: name is mandatory (a non-empty string).")
        view = {**self.views.get(name, {}), **checked, "name": name}
        if not view.get("iconUrl") and not view.get("label"):
            raise WorkspaceError(f"{call}: iconUrl or label is mandatory.")
        self.views[name] = view
        self.owners[name] = owner
        return name

    def close(self, name: str) -> bool:
        self.owners.pop(name, None)
        return self.views.pop(name, None) is not None
