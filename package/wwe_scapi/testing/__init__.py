"""Tools for testing apps and the service: Python clients and a service in one process over
the in-memory transport (CPython, no browser)."""

from wwe_scapi.testing.memory import MemoryNetwork
from wwe_scapi.transports.memory import MemoryWindow

__all__ = ["MemoryNetwork", "MemoryWindow"]
