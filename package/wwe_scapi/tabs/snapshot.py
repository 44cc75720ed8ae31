"""The contact centre's state as bytes, to hand it from the leader tab to the others.

Pickle, with the tab's own objects (its event hub, its clock, the JWT signer... listed in
`Workspace.locals`) and the workspace object itself written as references: restored in
another tab, the state points at that tab's objects, and the Workspace object the tab's
service and views hold is updated in place. Tabs of one desktop run one build of the code
and share one origin, so pickle's trust assumptions hold."""

from __future__ import annotations

import base64
import io
import pickle
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wwe_scapi.workspace import Workspace

_WORKSPACE = "workspace"


def _references(workspace: Workspace) -> dict[str, object]:
    return {_WORKSPACE: workspace, **workspace.locals}


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, workspace: Workspace) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._ids = {id(value): key for key, value in _references(workspace).items()}

    def persistent_id(self, obj: Any) -> str | None:
        return self._ids.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, workspace: Workspace) -> None:
        super().__init__(file)
        self._objects = _references(workspace)

    def persistent_load(self, pid: Any) -> object:
        try:
            return self._objects[str(pid)]
        except KeyError:
            raise pickle.UnpicklingError(f"a snapshot refers to {pid!r}, which this tab does not have") from None


def dumps(workspace: Workspace, value: Any) -> str:
    """`value` (which may refer to `workspace` and its locals) as text for a tab message."""
    buffer = io.BytesIO()
    _Pickler(buffer, workspace).dump(value)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def loads(workspace: Workspace, text: str) -> Any:
    return _Unpickler(io.BytesIO(base64.b64decode(text)), workspace).load()


def state_of(workspace: Workspace) -> dict[str, Any]:
    """What the workspace holds, less the tab's own objects (written as references)."""
    return dict(vars(workspace))


def restore(workspace: Workspace, state: dict[str, Any]) -> None:
    """Make `workspace` hold `state` (from `loads`), keeping this tab's own objects."""
    kept = workspace.locals
    vars(workspace).clear()
    vars(workspace).update(state)
    workspace.locals = kept
