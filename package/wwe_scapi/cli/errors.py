"""The build's one error."""


class BuildError(RuntimeError):
    """The site cannot be built; the message says what to do."""
