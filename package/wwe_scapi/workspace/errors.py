"""The one exception the domain model raises: its message goes to the client unchanged."""


class WorkspaceError(Exception):
    """An operation the simulated contact centre refuses (unknown state, unknown media...)."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else "Error"
