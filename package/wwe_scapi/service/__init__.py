"""The service: the broker (frames, subscriptions, replies, fan-out, the protocol log), the one
admission step before any handler, and one handler module per namespace."""

from wwe_scapi.service.broker import Direction, LogEntry, ProtocolLog, Service
from wwe_scapi.service.errors import RequestError

__all__ = ["Direction", "LogEntry", "ProtocolLog", "RequestError", "Service"]
