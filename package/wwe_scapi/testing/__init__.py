"""Tools for testing apps and the service: Python clients and a service in one process over
the in-memory transport (CPython, no browser); a whole desktop of them (`MemoryDesktop`, the
`wwe_memory` fixture of the pytest plugin, wwe_scapi.pytest_plugin)."""

from wwe_scapi.testing.memory import MemoryNetwork
from wwe_scapi.testing.memorydesk import MemoryDesktop
from wwe_scapi.transports.memory import MemoryWindow

__all__ = ["MemoryDesktop", "MemoryNetwork", "MemoryWindow"]
