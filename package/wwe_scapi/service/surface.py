"""Where the frames are shown: what system.amIVisible asks of the desktop page, and the address
of a frame's page (system.openDialog resolves relative URLs against it)."""

from __future__ import annotations

from typing import Protocol


class FrameSurface(Protocol):
    def is_visible(self, frame_id: int) -> bool:
        """Is that frame on screen now (front tab, open dialog, popup window)?"""
        ...

    def url_of(self, frame_id: int, origin: str) -> str | None:
        """The URL of that frame's page, when the page knows it (it opened it), else None."""
        ...


class ReportingSurface(FrameSurface, Protocol):
    """A surface that also shows what an app reports of its own failures (the desktop's tab)."""

    def app_reported(self, frame_id: int, kind: str, text: str) -> None: ...


class MemorySurface:
    """Every frame visible unless hidden, pages at the URLs tests give: for CPython tests and
    in-memory networks."""

    def __init__(self) -> None:
        self.hidden: set[int] = set()
        self.urls: dict[int, str] = {}
        self.reports: list[tuple[int, str, str]] = []  # (frame id, kind, text) apps reported

    def is_visible(self, frame_id: int) -> bool:
        return frame_id not in self.hidden

    def url_of(self, frame_id: int, origin: str) -> str | None:
        return self.urls.get(frame_id)

    def app_reported(self, frame_id: int, kind: str, text: str) -> None:
        self.reports.append((frame_id, kind, text))
