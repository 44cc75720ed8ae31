"""Refusals raised by request handlers: the message is sent to the client as `errorMessage`."""


class RequestError(Exception):
    """A request the service refuses, with the reason a client developer needs."""

    @property
    def message(self) -> str:
        return str(self.args[0])
