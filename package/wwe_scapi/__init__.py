"""wwe-scapi: the Genesys Agent Workspace Service Client API in Python, both sides of postMessage."""

__version__ = "0.1.0"
