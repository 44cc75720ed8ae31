"""Several desktop tabs, one contact centre: the election (Web Locks in the page), the leader
that owns the workspace and serves every change, the replicas the other tabs keep, and the
last active tab. Pure Python; only the page's bridge touches Web Locks and BroadcastChannel."""

from wwe_scapi.tabs.election import FrameState
from wwe_scapi.tabs.session import TabSession

__all__ = ["FrameState", "TabSession"]
