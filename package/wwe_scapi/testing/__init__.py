"""Tools for testing apps and the service: an in-memory transport (CPython, no browser)."""

from wwe_scapi.testing.memory import MemoryNetwork

__all__ = ["MemoryNetwork"]
