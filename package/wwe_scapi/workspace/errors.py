"""The one exception the domain model raises: its message goes to the client unchanged."""


def with_article(noun: str) -> str:
    """'a chat', 'an email': media names go into refusals."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


class WorkspaceError(Exception):
    """An operation the simulated contact centre refuses (unknown state, unknown media...)."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else "Error"
