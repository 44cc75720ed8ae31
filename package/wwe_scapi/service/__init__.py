"""The broker: dispatch of requests to handlers, frames, subscriptions and event fan-out."""

from wwe_scapi.service.errors import RequestError
from wwe_scapi.service.log import Direction, LogEntry
from wwe_scapi.service.broker import Service

__all__ = ["Direction", "LogEntry", "RequestError", "Service"]
