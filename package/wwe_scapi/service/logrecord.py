"""The protocol log as data: every entry kept (up to a bound) and handed out as plain dicts,
for tests to assert on (`window.wweLog()` on the desktop page, `MemoryDesktop.log`) and for
`serve --log FILE`. Entries are kept as they come; dicts are built only when asked for."""

from __future__ import annotations

import dataclasses
import datetime
from collections import deque
from collections.abc import Callable
from typing import Any, Final

from wwe_scapi.service.broker import LogEntry, ProtocolLog

DEFAULT_LIMIT: Final = 5_000  # the newest entries kept; `seq` tells how many came before
# Parameters bigger than this (in characters of text, roughly) are not kept: the log must not
# hold a flood's payloads (a frame may send 1 MB messages at will).
KEPT_CHARS: Final = 16_384


NOT_KEPT: Final = f"(not kept in the log: more than {KEPT_CHARS} characters)"


def _within(value: Any, left: list[int]) -> bool:
    """Whether `value` holds at most left[0] characters' worth; walks no further than that, so a
    big value costs no more than a small one."""
    if isinstance(value, str):
        left[0] -= len(value)
    elif isinstance(value, dict):
        left[0] -= 2 * len(value)
        for key, item in value.items():
            left[0] -= len(key) if isinstance(key, str) else 8
            if left[0] < 0 or not _within(item, left):
                return False
    elif isinstance(value, (list, tuple)):
        left[0] -= len(value)
        for item in value:
            if left[0] < 0 or not _within(item, left):
                return False
    else:
        left[0] -= 8
    return left[0] >= 0


def entry_dict(entry: LogEntry, seq: int, tab: str | None = None) -> dict[str, Any]:
    """One entry in the form the log's readers get (JSON-ready when its data is)."""
    return {
        "seq": seq,
        "at": datetime.datetime.fromtimestamp(entry.at, datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "direction": entry.direction.value,
        "origin": entry.origin,
        "frame": entry.frame,
        "tab": tab,
        "request": entry.request,
        "parameters": entry.parameters,
        "result": entry.result,
        "data": entry.data,
        "ok": entry.ok,
        "warnings": list(entry.warnings),
    }


class LogRecord:
    """Keeps the newest `limit` entries of a protocol log, numbered from 0 (`seq`).
    `tab_of(frame_id)` names the desktop tab a frame is shown in (None: not known)."""

    def __init__(
        self, log: ProtocolLog, limit: int = DEFAULT_LIMIT, tab_of: Callable[[int], str | None] | None = None
    ) -> None:
        self._kept: deque[tuple[int, LogEntry, str | None]] = deque(maxlen=limit)
        self._next = 0
        self._tab_of = tab_of
        self._tabs: dict[int, str | None] = {}  # looked up once per frame: off the request path
        self._listeners: list[Callable[[dict[str, Any]], None]] = []
        self._stop = log.add(self._on_entry)

    def _on_entry(self, entry: LogEntry) -> None:
        tab = self._tab(entry.frame)
        # A frame's parameters are whatever it sent; the data is the desktop's own (bounded).
        if entry.parameters and not _within(entry.parameters, [KEPT_CHARS]):
            entry = dataclasses.replace(entry, parameters=NOT_KEPT)
        self._kept.append((self._next, entry, tab))
        if self._listeners:
            as_dict = entry_dict(entry, self._next, tab)
            for listener in list(self._listeners):
                listener(as_dict)
        self._next += 1

    def _tab(self, frame: int | None) -> str | None:
        """Looked up at the frame's first entry (a frame keeps its place; a new page in the
        window is a new frame), while the frame is still there to be found."""
        if self._tab_of is None or frame is None:
            return None
        if frame not in self._tabs:
            self._tabs[frame] = self._tab_of(frame)
        return self._tabs[frame]

    def entries(self, since: int = 0) -> list[dict[str, Any]]:
        """The kept entries numbered `since` or later, oldest first."""
        return [entry_dict(entry, seq, tab) for seq, entry, tab in self._kept if seq >= since]

    @property
    def count(self) -> int:
        """How many entries have come (kept or not)."""
        return self._next

    def on_entry(self, listener: Callable[[dict[str, Any]], None]) -> Callable[[], None]:
        """`listener(entry_dict)` for each entry from now on (e.g. a JSON-lines file)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def close(self) -> None:
        self._stop()
