"""The desktop's protocol log panel: entries are gathered in Python and drawn in batches, off
the request path, by one JavaScript call per batch (a row built from Python costs ~20 calls);
the JavaScript side (compat/javascript.py) keeps the newest 200 and draws what the panel can
show."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wwe_scapi.clock import Clock
from wwe_scapi.service.broker import LogEntry, ProtocolLog

if TYPE_CHECKING:
    from wwe_scapi.compat.layer import Platform

# Entries kept for the table, and rows drawn while the panel is scrolled to the top (it shows
# about ten). Under a burst of requests every flush replaces the whole table: laying out and
# painting 200 new rows stalls the desktop for ~30 ms, delaying the next request, so the older
# rows are drawn only once the reader scrolls the panel.
_LOG_ROWS = 200
_LOG_ROWS_AT_TOP = 25
# One flush per burst of this length: the log is for people (four updates a second are
# plenty), and each flush is a stall of a few ms for whatever request arrives meanwhile.
_LOG_FLUSH_S = 0.25
_CELL_CHARS = 500
_DETAIL_CHARS = 4000  # of a message's parameters and payload, shown when the row is opened


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _details(entry: LogEntry) -> str:
    """The message's parameters and payload as JSON, for the row's expandable part ("" if none)."""
    parts = []
    if entry.parameters not in (None, []):
        parts.append("parameters: " + json.dumps(entry.parameters, indent=1, default=str, ensure_ascii=False))
    if entry.data is not None:
        label = "traceback" if entry.direction.value == "app" else "data"
        text = entry.data if isinstance(entry.data, str) and label == "traceback" else json.dumps(entry.data, indent=1, default=str, ensure_ascii=False)
        parts.append(f"{label}: {text}")
    return _cut("\n".join(parts), _DETAIL_CHARS)


def _row(entry: LogEntry, tab: str | None) -> list[Any]:
    """One row of a batch, in the order the drawer reads it; a served request's warnings follow
    its result; then the frame's tab title and the expandable details."""
    frame = "" if entry.frame is None else str(entry.frame)
    result = _cut(entry.result + "".join(f" ⚠ {warning}" for warning in entry.warnings), _CELL_CHARS)  # small, whatever a frame sent
    return [
        entry.at * 1000, entry.direction.value, entry.origin, frame, entry.request, result, entry.ok,
        bool(entry.warnings), tab or "", _details(entry),
    ]


class ProtocolLogView:
    """Keeps the newest entries of the service's protocol log in the page's log table."""

    def __init__(
        self, log: ProtocolLog, platform: Platform, clock: Clock, tab_of: Callable[[int], str | None] | None = None
    ) -> None:
        """`tab_of(frame_id)`: the title of the desktop tab showing that frame, for the rows."""
        self._log = log
        self._clock = clock
        self._tab_of = tab_of
        self._tabs: dict[int, str | None] = {}
        # Entries older than the table's limit would be drawn only to be trimmed at once.
        self._pending: deque[LogEntry] = deque(maxlen=_LOG_ROWS)
        self._flush_scheduled = False
        self._draw: Callable[[str], None] = platform.log_drawer(_LOG_ROWS, _LOG_ROWS_AT_TOP)

    def start(self) -> None:
        self._log.add(self._on_log)

    def _on_log(self, entry: LogEntry) -> None:
        # Rendering is batched so that logging never sits on a request's round trip; the time
        # shown is the entry's own, not the flush's.
        self._pending.append(entry)
        if not self._flush_scheduled:
            self._flush_scheduled = True
            self._clock.call_later(_LOG_FLUSH_S, self._flush)

    def _tab(self, frame: int | None) -> str | None:
        if frame is None or self._tab_of is None:
            return None
        if frame not in self._tabs:
            self._tabs[frame] = self._tab_of(frame)
        return self._tabs[frame]

    def _flush(self) -> None:
        self._flush_scheduled = False
        rows = [_row(entry, self._tab(entry.frame)) for entry in self._pending]
        self._pending.clear()
        self._draw(json.dumps(rows))
