"""Where the frames are shown: what system.amIVisible asks of the desktop page."""

from __future__ import annotations

from typing import Protocol


class FrameSurface(Protocol):
    def is_visible(self, frame_id: int) -> bool:
        """Is that frame on screen now (front tab, open dialog, popup window)?"""
        ...


class MemorySurface:
    """Every frame visible unless hidden: for CPython tests and in-memory networks."""

    def __init__(self) -> None:
        self.hidden: set[int] = set()

    def is_visible(self, frame_id: int) -> bool:
        return frame_id not in self.hidden
