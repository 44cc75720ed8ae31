"""The desktop's controls acting on the contact centre: `actions.voice.hold(id)` is
`workspace.voice.hold(id)` in a desktop of one tab or in the leader tab, and the same
operation applied by the leader (wwe_scapi.tabs.session) in any other tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wwe_scapi.service.pending import Pending
from wwe_scapi.workspace.errors import WorkspaceError

if TYPE_CHECKING:
    from wwe_scapi.tabs.session import TabSession
    from wwe_scapi.workspace import Workspace


class Actions:
    """An operation of the workspace by its path, done where the contact centre is."""

    def __init__(self, workspace: Workspace, session: TabSession | None = None, path: str = "") -> None:
        self._workspace = workspace
        self._session = session
        self._path = path

    def __getattr__(self, name: str) -> Actions:
        if name.startswith("_"):
            raise AttributeError(name)
        return Actions(self._workspace, self._session, f"{self._path}.{name}" if self._path else name)

    def __call__(self, *arguments: Any, **keywords: Any) -> Any:
        """The operation's result; a Pending of it when another tab applies it."""
        if self._session is not None:
            return self._session.call(self._path, *arguments, **keywords)
        return resolve(self._workspace, self._path)(*arguments, **keywords)


def resolve(workspace: Workspace, path: str) -> Callable[..., Any]:
    """The workspace operation at `path` ("voice.hold"); never a private name."""
    target: Any = workspace
    for part in path.split("."):
        if not part or part.startswith("_"):
            raise WorkspaceError(f"Not a workspace operation: {path!r}.")
        target = getattr(target, part)
    if not callable(target):
        raise WorkspaceError(f"Not a workspace operation: {path!r}.")
    result: Callable[..., Any] = target
    return result


def after(result: object, done: Callable[[str | None], None]) -> None:
    """`done(None)` once `result` (an action's) is there, `done(message)` if it failed."""
    if isinstance(result, Pending):
        result.then(lambda outcome: done(outcome.error))
    else:
        done(None)


def attempt(action: Callable[[], object], done: Callable[[str | None], None]) -> None:
    """Run a control's action; its refusal, now or from the leader tab, goes to `done`."""
    try:
        result = action()
    except WorkspaceError as refusal:
        done(refusal.message)
    else:
        after(result, done)
