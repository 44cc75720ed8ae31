"""What a client call raises: one small hierarchy, each error naming the request."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """Base of every error of the Python client."""


class RequestFailed(ServiceError):
    """The service answered with a failure (its `errorMessage`)."""

    def __init__(self, request: str, error_message: Any, response: dict[str, Any]) -> None:
        super().__init__(f"{request} failed: {error_message}")
        self.request = request
        self.error_message = error_message
        self.response = response


class RequestTimeout(RequestFailed):
    """No answer within the timeout (the vendor client's "Request timeout"); `waited` is that
    timeout, in seconds, and `destination` the window asked: the message says both."""

    def __init__(
        self, request: str, error_message: Any, response: dict[str, Any], waited: float, destination: str = ""
    ) -> None:
        super().__init__(request, error_message, response)
        self.waited = waited
        self.destination = destination

    def __str__(self) -> str:
        asked = f" from {self.destination}" if self.destination else ""
        return f"{super().__str__()} (no answer within {self.waited:g} s{asked})"


class ClientClosed(RequestFailed):
    """The client was closed, or its page unloaded, before the answer came: pending requests
    fail at once with this, and so does any request made afterwards."""


class NoServiceWindow(ServiceError):
    """This page has no Agent Workspace to talk to: not in an iframe or a popup, no target set."""
