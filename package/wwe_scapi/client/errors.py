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
    """No answer within the timeout (the vendor client's "Request timeout")."""


class NoServiceWindow(ServiceError):
    """This page has no Agent Workspace to talk to: not in an iframe or a popup, no target set."""
