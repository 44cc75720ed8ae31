"""Tools for testing apps and the service: the in-memory transport (CPython, no browser)."""

from wwe_scapi.transports.memory import MemoryNetwork, MemoryWindow

__all__ = ["MemoryNetwork", "MemoryWindow"]
