"""The Python client of the Service Client API, for apps embedded in Agent Workspace."""

from wwe_scapi.client.client import ServiceClient
from wwe_scapi.client.core import Subscription
from wwe_scapi.client.errors import ClientClosed, NoServiceWindow, RequestFailed, RequestTimeout, ServiceError

__all__ = [
    "ClientClosed",
    "NoServiceWindow",
    "RequestFailed",
    "RequestTimeout",
    "ServiceClient",
    "ServiceError",
    "Subscription",
]
